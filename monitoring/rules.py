"""Who may see the half-yearly monitoring and change the status of the plan's action points."""

import rules

from accounts.rules import is_college, is_functioneel_beheer, is_kernambtenaar, is_kernwethouder

# Kernambtenaren read along; only the college and functioneel beheer change action points.
rules.add_perm(
    "monitoring.view_monitoring",
    is_college | is_kernwethouder | is_functioneel_beheer | is_kernambtenaar,
)
rules.add_perm("monitoring.wijzig_actiepunt_status", is_college | is_functioneel_beheer)

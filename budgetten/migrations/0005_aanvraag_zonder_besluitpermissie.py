"""Who decides on an aanvraag is the rule budgetten.besluit_aanvraag (budgetten/rules.py).

The model permission "decide_aanvraag" was checked nowhere, yet functioneel beheer held it
through the seed and Django's ModelBackend answered has_perm() with it. Remove it, and its row.
"""

from django.db import migrations


def verwijder_permissie(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="budgetten", codename="decide_aanvraag"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("budgetten", "0004_stembiljet_geanonimiseerd"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="aanvraag",
            options={
                "ordering": ["-ingediend_op"],
                "verbose_name": "aanvraag",
                "verbose_name_plural": "aanvragen",
            },
        ),
        migrations.RunPython(verwijder_permissie, migrations.RunPython.noop),
    ]

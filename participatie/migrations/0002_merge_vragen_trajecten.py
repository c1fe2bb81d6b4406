# The two concerns of participatie were built in parallel, each from its own initial migration.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("participatie", "0001_trajecten"),
        ("participatie", "0001_vragen"),
    ]

    operations = []

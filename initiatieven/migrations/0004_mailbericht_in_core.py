"""Mailbericht moved to core (state only; same table, same column)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('initiatieven', '0003_fotos_publiceren_foto_beschrijving'),
    ]

    state_operations = [
        migrations.AlterField(
            model_name='initiatief',
            name='bevestigingsmail',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.mailbericht'),
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
    ]

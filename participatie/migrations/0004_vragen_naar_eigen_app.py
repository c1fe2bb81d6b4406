"""The vragen models left for the vragen app (state only; the tables stay)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('vragen', '0001_initial'),
        ('participatie', '0003_bijeenkomst_annuleren'),
    ]

    state_operations = [
        migrations.RemoveField(
            model_name='herinnering',
            name='mailberichten',
        ),
        migrations.RemoveField(
            model_name='herinnering',
            name='vraag',
        ),
        migrations.RemoveField(
            model_name='routering',
            name='behandelaar',
        ),
        migrations.RemoveField(
            model_name='routering',
            name='door',
        ),
        migrations.RemoveField(
            model_name='routering',
            name='team',
        ),
        migrations.RemoveField(
            model_name='routering',
            name='vraag',
        ),
        migrations.RemoveField(
            model_name='vraag',
            name='behandelaar',
        ),
        migrations.RemoveField(
            model_name='vraag',
            name='geregistreerd_door',
        ),
        migrations.RemoveField(
            model_name='vraag',
            name='kern',
        ),
        migrations.RemoveField(
            model_name='vraag',
            name='team',
        ),
        migrations.DeleteModel(
            name='Antwoord',
        ),
        migrations.DeleteModel(
            name='Herinnering',
        ),
        migrations.DeleteModel(
            name='Routering',
        ),
        migrations.DeleteModel(
            name='Vraag',
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
    ]

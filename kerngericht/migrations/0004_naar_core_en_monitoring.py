"""Mailbericht and Actiepunt left for core and monitoring (state only; the tables stay)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('monitoring', '0001_initial'),
        ('core', '0001_initial'),
        ('initiatieven', '0004_mailbericht_in_core'),
        ('kerngericht', '0003_actiepunt'),
        ('participatie', '0004_vragen_naar_eigen_app'),
    ]

    state_operations = [
        migrations.DeleteModel(
            name='Actiepunt',
        ),
        migrations.RemoveField(
            model_name='historicalactiepunt',
            name='history_user',
        ),
        migrations.DeleteModel(
            name='Mailbericht',
        ),
        migrations.DeleteModel(
            name='HistoricalActiepunt',
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
    ]

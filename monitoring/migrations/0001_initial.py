"""Actiepunt moves here from kerngericht; its tables stay where they are."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def _contenttypes_verhuizen(oud: str, nieuw: str, modellen: tuple[str, ...]):
    """Move the content types (and so the permissions and group rights on them) along."""

    def verhuis(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in modellen:
            if not ContentType.objects.filter(app_label=nieuw, model=model).exists():
                ContentType.objects.filter(app_label=oud, model=model).update(app_label=nieuw)

    return verhuis


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('kerngericht', '0003_actiepunt'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    state_operations = [
        migrations.CreateModel(
            name='Actiepunt',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sleutel', models.SlugField(max_length=60, unique=True, verbose_name='sleutel')),
                ('onderdeel', models.CharField(choices=[('medewerkers', 'Onze medewerkers'), ('kernambtenaren-inwoners', 'Kernambtenaren en actieve inwoners'), ('verbonden-partijen', 'Verbonden partijen'), ('samenleving', 'Samenleving'), ('kernambtenaar-per-kern', 'Iedere kern een kernambtenaar'), ('bestuurlijk', 'Bestuurlijk'), ('monitoring', 'Monitoring en evaluatie')], max_length=30, verbose_name='onderdeel')),
                ('omschrijving', models.TextField(verbose_name='omschrijving')),
                ('planning', models.CharField(help_text='Zoals in het plan: Q1 2021, 2025 of Doorlopend.', max_length=20, verbose_name='planning')),
                ('uiterlijk_op', models.DateField(blank=True, help_text='Laatste dag van het kwartaal of jaar. Leeg bij doorlopend werk.', null=True, verbose_name='uiterlijk klaar op')),
                ('eigenaar', models.CharField(blank=True, help_text='Rol of persoon.', max_length=120, verbose_name='eigenaar')),
                ('status', models.CharField(choices=[('gepland', 'Gepland'), ('loopt', 'Loopt'), ('gereed', 'Gereed'), ('vertraagd', 'Vertraagd')], db_index=True, default='gepland', max_length=20, verbose_name='status')),
                ('notitie', models.CharField(blank=True, max_length=300, verbose_name='korte notitie')),
                ('volgorde', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                ('gewijzigd_op', models.DateTimeField(auto_now=True, verbose_name='gewijzigd op')),
            ],
            options={
                'verbose_name': 'actiepunt',
                'verbose_name_plural': 'actiepunten',
                'db_table': 'kerngericht_actiepunt',
                'ordering': ['volgorde', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalActiepunt',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('sleutel', models.SlugField(max_length=60, verbose_name='sleutel')),
                ('onderdeel', models.CharField(choices=[('medewerkers', 'Onze medewerkers'), ('kernambtenaren-inwoners', 'Kernambtenaren en actieve inwoners'), ('verbonden-partijen', 'Verbonden partijen'), ('samenleving', 'Samenleving'), ('kernambtenaar-per-kern', 'Iedere kern een kernambtenaar'), ('bestuurlijk', 'Bestuurlijk'), ('monitoring', 'Monitoring en evaluatie')], max_length=30, verbose_name='onderdeel')),
                ('omschrijving', models.TextField(verbose_name='omschrijving')),
                ('planning', models.CharField(help_text='Zoals in het plan: Q1 2021, 2025 of Doorlopend.', max_length=20, verbose_name='planning')),
                ('uiterlijk_op', models.DateField(blank=True, help_text='Laatste dag van het kwartaal of jaar. Leeg bij doorlopend werk.', null=True, verbose_name='uiterlijk klaar op')),
                ('eigenaar', models.CharField(blank=True, help_text='Rol of persoon.', max_length=120, verbose_name='eigenaar')),
                ('status', models.CharField(choices=[('gepland', 'Gepland'), ('loopt', 'Loopt'), ('gereed', 'Gereed'), ('vertraagd', 'Vertraagd')], db_index=True, default='gepland', max_length=20, verbose_name='status')),
                ('notitie', models.CharField(blank=True, max_length=300, verbose_name='korte notitie')),
                ('volgorde', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                ('gewijzigd_op', models.DateTimeField(blank=True, editable=False, verbose_name='gewijzigd op')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical actiepunt',
                'verbose_name_plural': 'historical actiepunten',
                'db_table': 'kerngericht_historicalactiepunt',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
        migrations.RunPython(
            _contenttypes_verhuizen('kerngericht', 'monitoring', ('actiepunt', 'historicalactiepunt')), migrations.RunPython.noop
        ),
    ]

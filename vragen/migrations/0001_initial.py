"""The vragen models move here from participatie; their tables stay where they are."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
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
        ('participatie', '0003_bijeenkomst_annuleren'),
        ('accounts', '0001_initial'),
        ('core', '0001_initial'),
        ('kernen', '0003_toolbox'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    state_operations = [
        migrations.CreateModel(
            name='Vraag',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('naam', models.CharField(max_length=120, verbose_name='naam')),
                ('telefoon', models.CharField(blank=True, max_length=30, verbose_name='telefoonnummer')),
                ('email_bevestigd_op', models.DateTimeField(blank=True, null=True, verbose_name='e-mailadres bevestigd op')),
                ('link_versie', models.PositiveIntegerField(default=1, verbose_name='versie persoonlijke link')),
                ('email', models.EmailField(blank=True, db_index=True, max_length=254, verbose_name='e-mailadres')),
                ('soort', models.CharField(choices=[('vraag', 'Vraag'), ('signaal', 'Signaal of melding')], default='vraag', max_length=20, verbose_name='soort')),
                ('onderwerp', models.CharField(max_length=150, verbose_name='onderwerp')),
                ('tekst', models.TextField(verbose_name='vraag of melding')),
                ('kanaal', models.CharField(choices=[('portaal', 'Via de website'), ('dorpshuis', 'In het dorpshuis of spreekuur'), ('telefoon', 'Telefonisch'), ('straat', 'Op straat'), ('email', 'Per e-mail')], default='portaal', max_length=20, verbose_name='kanaal')),
                ('ontvangen_op', models.DateTimeField(default=django.utils.timezone.now, verbose_name='ontvangen op')),
                ('status', models.CharField(choices=[('nieuw', 'Nieuw, nog niet doorgestuurd'), ('doorgestuurd', 'Doorgestuurd, wacht op antwoord'), ('teruggegeven', 'Teruggegeven aan de kernambtenaar'), ('procesantwoord', 'Procesantwoord gegeven, inhoudelijk antwoord volgt'), ('beantwoord', 'Beantwoord')], default='nieuw', max_length=20, verbose_name='status')),
                ('termijn_einde', models.DateTimeField(verbose_name='uiterlijk antwoord (week)')),
                ('deadline', models.DateTimeField(blank=True, null=True, verbose_name='gevolgde termijn')),
                ('termijn_volgnummer', models.PositiveSmallIntegerField(default=0, verbose_name='volgnummer termijn')),
                ('toegezegd_op', models.DateField(blank=True, null=True, verbose_name='toegezegde datum inhoudelijk antwoord')),
                ('eerste_antwoord_op', models.DateTimeField(blank=True, null=True, verbose_name='eerste antwoord op')),
                ('beantwoord_op', models.DateTimeField(blank=True, null=True, verbose_name='inhoudelijk beantwoord op')),
                ('waardering', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(10)], verbose_name='waardering')),
                ('waardering_toelichting', models.TextField(blank=True, verbose_name='toelichting bij waardering')),
                ('gewaardeerd_op', models.DateTimeField(blank=True, null=True, verbose_name='gewaardeerd op')),
                ('aangemaakt_op', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt op')),
                ('behandelaar', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='vragen_in_behandeling', to=settings.AUTH_USER_MODEL, verbose_name='beleidsmedewerker')),
                ('geregistreerd_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='geregistreerd door')),
                ('kern', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='vragen', to='kernen.kern', verbose_name='kern')),
                ('team', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='vragen', to='accounts.team', verbose_name='team')),
            ],
            options={
                'verbose_name': 'vraag',
                'verbose_name_plural': 'vragen',
                'db_table': 'participatie_vraag',
                'ordering': ['deadline', 'ontvangen_op'],
            },
        ),
        migrations.CreateModel(
            name='Routering',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('soort', models.CharField(choices=[('doorgestuurd', 'Doorgestuurd'), ('teruggegeven', 'Teruggegeven')], max_length=20, verbose_name='soort')),
                ('notitie', models.TextField(blank=True, verbose_name='notitie')),
                ('op', models.DateTimeField(default=django.utils.timezone.now, verbose_name='op')),
                ('behandelaar', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='beleidsmedewerker')),
                ('door', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='door')),
                ('team', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='accounts.team', verbose_name='team')),
                ('vraag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='routeringen', to='vragen.vraag')),
            ],
            options={
                'verbose_name': 'routering',
                'verbose_name_plural': 'routeringen',
                'db_table': 'participatie_routering',
                'ordering': ['op', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Herinnering',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('volgnummer', models.PositiveSmallIntegerField(verbose_name='volgnummer termijn')),
                ('soort', models.CharField(choices=[('laatste-dag', 'Vooraankondiging: laatste dag'), ('herinnering', 'Herinnering: termijn verstreken'), ('melding-kernambtenaar', 'Melding aan kernambtenaar'), ('escalatie', 'Escalatie naar teammanager')], max_length=30, verbose_name='soort')),
                ('deadline', models.DateTimeField(verbose_name='termijn')),
                ('ronde', models.UUIDField(db_index=True, verbose_name='ronde')),
                ('aangemaakt_op', models.DateTimeField(verbose_name='aangemaakt op')),
                ('mailberichten', models.ManyToManyField(blank=True, related_name='vraag_herinneringen', to='core.mailbericht', verbose_name='e-mails')),
                ('vraag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='herinneringen', to='vragen.vraag')),
            ],
            options={
                'verbose_name': 'herinnering',
                'verbose_name_plural': 'herinneringen',
                'db_table': 'participatie_herinnering',
                'ordering': ['-aangemaakt_op'],
            },
        ),
        migrations.CreateModel(
            name='Antwoord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('soort', models.CharField(choices=[('inhoudelijk', 'Inhoudelijk antwoord'), ('proces', 'Procesantwoord (we werken eraan, antwoord volgt op een datum)')], max_length=20, verbose_name='soort antwoord')),
                ('tekst', models.TextField(verbose_name='antwoord')),
                ('toegezegd_op', models.DateField(blank=True, null=True, verbose_name='inhoudelijk antwoord uiterlijk op')),
                ('gegeven_op', models.DateTimeField(default=django.utils.timezone.now, verbose_name='gegeven op')),
                ('door', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='door')),
                ('vraag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='antwoorden', to='vragen.vraag')),
            ],
            options={
                'verbose_name': 'antwoord',
                'verbose_name_plural': 'antwoorden',
                'db_table': 'participatie_antwoord',
                'ordering': ['gegeven_op', 'pk'],
            },
        ),
        migrations.AddIndex(
            model_name='vraag',
            index=models.Index(condition=models.Q(('deadline__isnull', False)), fields=['deadline'], name='vraag_open_deadline_idx'),
        ),
        migrations.AddIndex(
            model_name='vraag',
            index=models.Index(fields=['kern', 'status'], name='vraag_kern_status_idx'),
        ),
        migrations.AddIndex(
            model_name='vraag',
            index=models.Index(fields=['team', 'status'], name='vraag_team_status_idx'),
        ),
        migrations.AddIndex(
            model_name='vraag',
            index=models.Index(fields=['ontvangen_op'], name='vraag_ontvangen_idx'),
        ),
        migrations.AddConstraint(
            model_name='vraag',
            constraint=models.CheckConstraint(condition=models.Q(('waardering__isnull', True), models.Q(('waardering__gte', 1), ('waardering__lte', 10)), _connector='OR'), name='vraag_waardering_1_tot_10'),
        ),
        migrations.AddConstraint(
            model_name='vraag',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'beantwoord'), _negated=True), models.Q(('beantwoord_op__isnull', False), ('deadline__isnull', True)), _connector='OR'), name='vraag_beantwoord_zonder_deadline'),
        ),
        migrations.AddConstraint(
            model_name='herinnering',
            constraint=models.UniqueConstraint(fields=('vraag', 'volgnummer', 'soort'), name='herinnering_eenmalig'),
        ),
        migrations.AddConstraint(
            model_name='antwoord',
            constraint=models.UniqueConstraint(condition=models.Q(('soort', 'inhoudelijk')), fields=('vraag',), name='antwoord_een_inhoudelijk_per_vraag'),
        ),
        migrations.AddConstraint(
            model_name='antwoord',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('soort', 'proces'), _negated=True), ('toegezegd_op__isnull', False), _connector='OR'), name='antwoord_proces_met_datum'),
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
        migrations.RunPython(
            _contenttypes_verhuizen('participatie', 'vragen', ('vraag', 'routering', 'antwoord', 'herinnering')), migrations.RunPython.noop
        ),
    ]

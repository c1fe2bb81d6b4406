"""Mailbericht moves here from kerngericht; its table stays where it is."""

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
    ]

    state_operations = [
        migrations.CreateModel(
            name='Mailbericht',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('aan', models.EmailField(max_length=254, verbose_name='aan')),
                ('onderwerp', models.CharField(max_length=200, verbose_name='onderwerp')),
                ('tekst', models.TextField(verbose_name='tekst')),
                ('status', models.CharField(choices=[('wachtrij', 'In de wachtrij'), ('verzonden', 'Verzonden'), ('mislukt', 'Mislukt')], default='wachtrij', max_length=20, verbose_name='status')),
                ('pogingen', models.PositiveSmallIntegerField(default=0, verbose_name='pogingen')),
                ('laatste_fout', models.TextField(blank=True, verbose_name='laatste fout')),
                ('aangemaakt_op', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt op')),
                ('verzonden_op', models.DateTimeField(blank=True, null=True, verbose_name='verzonden op')),
                ('bijlagen', models.JSONField(blank=True, default=list, help_text='Tekstbijlagen: lijst van {naam, mimetype, inhoud} (bijvoorbeeld een .ics).', verbose_name='bijlagen')),
            ],
            options={
                'verbose_name': 'e-mailbericht',
                'verbose_name_plural': 'e-mailberichten',
                'db_table': 'kerngericht_mailbericht',
                'ordering': ['-aangemaakt_op'],
                'indexes': [models.Index(fields=['status', 'aangemaakt_op'], name='kerngericht_status_4850e8_idx')],
            },
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
        migrations.RunPython(
            _contenttypes_verhuizen('kerngericht', 'core', ('mailbericht',)), migrations.RunPython.noop
        ),
    ]

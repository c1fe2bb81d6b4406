from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="mailbericht",
            name="laatste_poging_op",
            field=models.DateTimeField(blank=True, null=True, verbose_name="laatste poging op"),
        ),
    ]

"""Results of the Programme and the projects behind them."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from conference.fields import SanitisedImageField
from conference.models import Partner
from programme.models.choices import ResultCategory
from programme.validators import validate_document


class ResultQuerySet(models.QuerySet):
    def with_key_figure(self):
        return self.filter(Q(figure_value_bg__gt="") | Q(figure_value_en__gt=""))


class Result(models.Model):
    category = models.CharField(
        _("category"), max_length=20, choices=ResultCategory.choices
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences, shown in lists.")
    )
    body = models.TextField(_("text"), blank=True)
    figure_value = models.CharField(
        _("key figure"),
        max_length=40,
        blank=True,
        help_text=_("For example “×2” or “80”. Leave empty when there is none."),
    )
    figure_label = models.CharField(
        _("key figure label"),
        max_length=300,
        blank=True,
        help_text=_("What the figure counts, e.g. “accommodation capacity doubled”."),
    )
    figure_source = models.CharField(
        _("source and period of the figure"),
        max_length=600,
        blank=True,
        help_text=_("Every figure names its source and the period it covers."),
    )
    figure_source_url = models.URLField(
        _("link to the source"), max_length=500, blank=True
    )
    image = SanitisedImageField(
        _("image"),
        upload_to="results/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_(
            "JPEG, PNG or WebP, at most 10 MB. Never a picture that could identify "
            "a victim or show where a shelter is."
        ),
    )
    image_width = models.PositiveIntegerField(
        _("image width"), null=True, blank=True, editable=False
    )
    image_height = models.PositiveIntegerField(
        _("image height"), null=True, blank=True, editable=False
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    document = models.FileField(
        _("document (PDF)"),
        upload_to="results/documents/",
        blank=True,
        validators=[validate_document],
        help_text=_("An optional PDF of at most 20 MB."),
    )
    expects_document = models.BooleanField(
        _("a document is expected"),
        default=False,
        help_text=_(
            "The go-live checklist reminds the organisers until the PDF is uploaded."
        ),
    )
    link_url = models.URLField(_("external link"), blank=True)
    project = models.ForeignKey(
        "Project",
        verbose_name=_("project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="results",
        help_text=_("The project the result and its figure belong to."),
    )
    chart_rows = models.TextField(
        _("chart"),
        blank=True,
        help_text=_(
            "Optional bar chart of the figure, one bar a line as “label | number”, "
            "e.g. “Before the Programme | 1”. Shown with a table for screen readers."
        ),
    )
    chart_unit = models.CharField(
        _("chart unit"),
        max_length=60,
        blank=True,
        help_text=_("What the numbers count, e.g. “people”."),
    )
    order = models.PositiveIntegerField(_("display order"), default=0)

    objects = ResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programme:result", kwargs={"slug": self.slug})

    @property
    def has_key_figure(self) -> bool:
        return bool(self.figure_value_bg or self.figure_value_en)

    @property
    def chart(self) -> list[tuple[str, float]]:
        """The chart's bars; lines that are not “label | number” are skipped."""
        bars = []
        for line in self.chart_rows.splitlines():
            label, _sep, number = line.rpartition("|")
            try:
                value = float(number.strip().replace(",", "."))
            except ValueError:
                continue
            if label.strip() and value >= 0:
                bars.append((label.strip(), value))
        return bars


class Project(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=400)
    description = models.TextField(_("description"), blank=True)
    period = models.CharField(_("period"), max_length=100, blank=True)
    url = models.URLField(
        _("project page"),
        blank=True,
        help_text=_("The project’s page on the Swiss contribution site."),
    )
    partners = models.ManyToManyField(
        Partner, verbose_name=_("partners involved"), blank=True
    )
    order = models.PositiveIntegerField(_("display order"), default=0)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("conference:about")

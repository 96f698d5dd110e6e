from django import template

from programme.checklist import go_live_checklist

register = template.Library()


@register.inclusion_tag("admin/includes/_checklist.html")
def checklist():
    items = go_live_checklist()
    return {
        "items": items,
        "blocking": [item for item in items if item.required_for_registration],
    }

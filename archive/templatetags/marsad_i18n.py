"""`{% load i18n marsad_i18n %}`: Django's `{% translate %}` (and `{% trans %}`) with
`{% translate 'constant' %}` remembered per language (loaded after `i18n`, its tags take
their place in that template; every page template loads it). A listing page has some seventy
constant labels, and translating each again on every request (the catalogue looked up
through the active language's thread-local) was a twentieth of its CPU. A translation
of a constant changes only with the catalogues, which load once per process. Anything
else (a variable, a filter, a message context) is translated as Django does.
"""
from django import template
from django.template.base import render_value_in_context
from django.templatetags import i18n
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language

register = template.Library()


class RememberedTranslateNode(i18n.TranslateNode):
    def __init__(self, filter_expression, noop, asvar=None, message_context=None):
        super().__init__(filter_expression, noop, asvar, message_context)
        self.constant = (message_context is None and not filter_expression.filters
                         and filter_expression.var.literal is not None)
        self.remembered: dict = {}

    def render(self, context):
        if not self.constant:
            return super().render(context)
        key = (get_language(), context.autoescape)
        value = self.remembered.get(key)
        if value is None:
            value = self.remembered[key] = self._translated(context)
        if self.asvar:
            context[self.asvar] = value
            return ""
        return value

    def _translated(self, context):
        """What TranslateNode.render gives (without assigning it)."""
        self.filter_expression.var.translate = not self.noop
        value = render_value_in_context(self.filter_expression.resolve(context), context)
        safe = isinstance(value, SafeData)
        value = value.replace("%%", "%")
        return mark_safe(value) if safe else value  # noqa: S308 (as Django marks it)


@register.tag("translate")
@register.tag("trans")
def do_translate(parser, token):
    node = i18n.do_translate(parser, token)
    return RememberedTranslateNode(node.filter_expression, node.noop, node.asvar,
                                   node.message_context)

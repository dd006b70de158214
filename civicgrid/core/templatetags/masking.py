from django import template

from civicgrid.core.validators import mask_phone

register = template.Library()
register.filter("mask_phone", mask_phone)

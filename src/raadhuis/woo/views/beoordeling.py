"""Werkplek pages of woo: beoordeling (filled in by its own step; see urls.py)."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []

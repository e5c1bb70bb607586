"""The test IdP's URLs, mounted under /test-idp/ only when RAADHUIS_TEST_IDP is on."""

from django.urls import path

from raadhuis.testidp import views

app_name = "testidp"

urlpatterns = [
    path(".well-known/openid-configuration", views.discovery, name="discovery"),
    path("authorize/", views.authorize, name="authorize"),
    path("token/", views.token, name="token"),
    path("jwks/", views.jwks, name="jwks"),
    path("userinfo/", views.userinfo, name="userinfo"),
]

"""Two small middlewares of our own: a cap on request bodies, checked before anything reads
one (an anonymous client cannot fill the temp directory with a 200 MB multipart POST), and
the Content-Security-Policy header (the site loads nothing from elsewhere and runs no
inline script or style)."""
from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
MULTIPART_MARGIN = 1024 * 1024  # the form around an uploaded file


def body_limit(path: str) -> int:
    """The largest request body accepted at `path`: the upload page takes a file of up to
    UPLOAD_MAX_BYTES, every other URL at most MARSAD_MAX_REQUEST_BYTES."""
    if path == reverse("admin:archive_upload"):
        return settings.UPLOAD_MAX_BYTES + MULTIPART_MARGIN
    return settings.MARSAD_MAX_REQUEST_BYTES


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("طول الطلب غير صالح.", status=400,
                                content_type="text/plain; charset=utf-8")
        limit = body_limit(request.path_info)
        if length > limit:
            return HttpResponse(
                f"حجم الطلب ({length:,} بايت) يتجاوز الحد المسموح ({limit:,} بايت).",
                status=413, content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response


class ChosenLanguageMiddleware:
    """The reader's chosen language (the switch's cookie), else Arabic: unlike Django's
    LocaleMiddleware, a browser's Accept-Language never turns the site English."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        response.headers["Vary"] = ", ".join(
            v for v in [response.headers.get("Vary", ""), "Cookie"] if v)
        translation.deactivate()
        return response

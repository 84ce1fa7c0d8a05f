"""The web widget: `GET /widget.js` (loader), `GET /chat` (the framed chat), `GET /` (demo page)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from bot.server.deps import SettingsDep
from bot.server.errors import CalcibotError
from bot.widget import assets, origins
from bot.widget.pages import ChatPage, ClinicPage, clean_title, current_clinic
from bot.widget.theme import palette, parse_color

router = APIRouter(tags=["widget"])
SHORT_CACHE = "public, max-age=300"
LONG_CACHE = "public, max-age=31536000, immutable"


def asset_url(name: str) -> str:
    return f"/widget/static/{name}?v={assets.asset(name).version}"


def asset_response(request: Request, asset: assets.Asset, cache_control: str) -> Response:
    """The file, gzipped if the client takes it, with an ETag so a revisit costs a 304."""
    gzip = "gzip" in request.headers.get("accept-encoding", "").lower()
    etag = f'"{asset.version}{"-gz" if gzip else ""}"'
    headers = {"Cache-Control": cache_control, "ETag": etag, "Vary": "Accept-Encoding"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    if gzip:
        headers["Content-Encoding"] = "gzip"
    body = asset.gzipped if gzip else asset.body
    return Response(body, media_type=asset.media_type, headers=headers)


def page_response(html: str, csp: str) -> HTMLResponse:
    return HTMLResponse(
        html,
        headers={
            "Content-Security-Policy": csp,
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.get("/widget.js", include_in_schema=False, name="widget_js")
async def widget_js(request: Request, settings: SettingsDep) -> Response:
    """The loader a clinic's page includes; it knows which pages may show the chat."""
    clinic = current_clinic(settings.clinic_file)
    config = {"allowedOrigins": origins.allowed_origins(clinic.allowed_origins)}
    response = asset_response(request, assets.loader(assets.js_literal(config)), SHORT_CACHE)
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@router.get("/widget/static/{name}", include_in_schema=False)
async def static(name: str, request: Request, v: str | None = None) -> Response:
    if name not in assets.PUBLIC_FILES:
        raise CalcibotError(f"no widget file named {name!r}", status=404)
    asset = assets.asset(name)
    return asset_response(request, asset, LONG_CACHE if v == asset.version else SHORT_CACHE)


@router.get("/chat", include_in_schema=False)
async def chat(
    request: Request,
    settings: SettingsDep,
    host: str | None = None,
    title: str | None = None,
    color: str | None = None,
) -> HTMLResponse:
    """The chat, framed only by this server's pages and the clinic's allowed origins."""
    clinic = current_clinic(settings.clinic_file)
    allowed = origins.allowed_origins(clinic.allowed_origins)
    own = origins.own_origin(request.url.scheme, request.headers.get("host"))
    nonce = origins.new_nonce()
    page = ChatPage(
        clinic=clinic,
        title=clean_title(title),
        palette=palette(parse_color(color) or clinic.theme.primary, clinic.theme.on_primary),
        host_origin=origins.accepted_host(host, allowed, own),
        max_chars=settings.max_message_chars,
        nonce=nonce,
        assets={name: asset_url(name) for name in ("chat.js", "chat.css", "icon.svg")},
    )
    return page_response(page.html(), origins.chat_csp(allowed, nonce))


@router.get("/", include_in_schema=False)
async def clinic_page(settings: SettingsDep) -> HTMLResponse:
    """A demo of what a clinic shows its patients, with the widget embedded by its script tag."""
    clinic = current_clinic(settings.clinic_file)
    nonce = origins.new_nonce()
    page = ClinicPage(
        clinic=clinic,
        palette=palette(clinic.theme.primary, clinic.theme.on_primary),
        nonce=nonce,
        widget_src="/widget.js",
        assets={name: asset_url(name) for name in ("clinic.css", "icon.svg")},
    )
    return page_response(page.html(), origins.page_csp(nonce))

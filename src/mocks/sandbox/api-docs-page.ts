import { API_DOCS_ASSETS } from "../../contracts/sandbox/api-docs.js";
import { SANDBOX_BASE_PATH } from "../../contracts/sandbox/routes.js";

/** JSON for an inline <script>: `<` escaped so no value can close the script element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, "\\u003c");

/**
 * The API reference page: Swagger UI (the files of API_DOCS_ASSETS, served by the sandbox) with one entry
 * per document in its top bar. "Try it out" is sent to the sandbox that served the page whatever server
 * the document lists, with the token of the Authorize dialog; `#token=` (or `?token=`) pre-fills that dialog for
 * every tenant scheme of each document (not the admin token's).
 */
export function apiDocsPage(documentNames: readonly string[]): string {
  const urls = documentNames.map((name) => ({ name, url: `${SANDBOX_BASE_PATH}/openapi/${name}.json` }));
  const asset = (name: keyof typeof API_DOCS_ASSETS): string => `${SANDBOX_BASE_PATH}/docs/${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>promo-sandbox API reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset("swagger-ui.css")}">
<style>body { margin: 0; } .swagger-ui .topbar .download-url-wrapper .select-label { max-width: 100%; }</style>
</head>
<body>
<div id="swagger-ui"></div>
<script src="${asset("swagger-ui-bundle.js")}"></script>
<script src="${asset("swagger-ui-standalone-preset.js")}"></script>
<script>
(function () {
  // #token= (read before Swagger UI's deep links take the fragment over) never reaches a server or its access log; ?token= still works.
  var token = new URLSearchParams(window.location.hash.slice(1)).get("token") || new URLSearchParams(window.location.search).get("token");
  // The tenant's token for every scheme of the document on show, as the document loads (each has its own names).
  function prefill(system) {
    if (!token) return;
    var schemes = system.specSelectors.securityDefinitions();
    if (!schemes) return;
    schemes.forEach(function (scheme, name) {
      if (name === "adminToken") return;
      system.authActions.authorize({ [name]: { name: name, value: token, schema: scheme.toJS() } });
    });
  }
  var prefillPlugin = function (system) {
    return {
      statePlugins: {
        spec: {
          wrapActions: {
            updateJsonSpec: function (original) {
              return function () {
                var result = original.apply(null, arguments);
                prefill(system);
                return result;
              };
            },
          },
        },
      },
    };
  };
  window.ui = SwaggerUIBundle({
    urls: ${scriptJson(urls)},
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl, prefillPlugin],
    layout: "StandaloneLayout",
    // Try it out goes to this sandbox, whatever server the document lists (the real provider, the default port).
    requestInterceptor: function (request) {
      if (request.loadSpec) return request;
      var target = new URL(request.url, window.location.href);
      request.url = window.location.origin + target.pathname + target.search;
      return request;
    },
  });
})();
</script>
</body>
</html>
`;
}

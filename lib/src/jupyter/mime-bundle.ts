/**
 * One output in several formats, keyed by MIME type; the front end shows the richest it
 * can render (JupyterLab), or the first in its priority list (nbconvert).
 *
 * Text types (`text/html`, `text/plain`, ...) carry strings; JSON types
 * (`application/json`, `application/vnd.plotly.v1+json`, ...) carry a JSON-serialisable
 * object, as the Jupyter messaging protocol requires; binary types carry base64 strings.
 *
 * Reference: Jupyter messaging protocol, "display_data"
 * (https://jupyter-client.readthedocs.io/en/stable/messaging.html#display-data).
 */
export type MimeBundle = { readonly [mimeType: string]: string | object };

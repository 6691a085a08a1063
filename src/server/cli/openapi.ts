import { buildOpenApiDocument } from "../http/openapi.js";

// Prints the OpenAPI document; `npm run openapi` writes it to docs/openapi.json.
console.log(JSON.stringify(buildOpenApiDocument(), null, 2));

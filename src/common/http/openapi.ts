import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export const API_PREFIX = 'api/v1';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Rampart API')
    .setDescription(
      'Security-compliance scoring for managed service providers. Authenticate with an API key ' +
        '(`Authorization: Bearer rmp_…` or `x-api-key: rmp_…`) or a Microsoft Entra ID access token. ' +
        'Lists return `{data, nextCursor}`; errors return `{statusCode, error, message, details, requestId}`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key (rmp_…) or an Entra ID access token' })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'api-key')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Interactive docs at /api/docs, the document at /api/docs-json. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });
}

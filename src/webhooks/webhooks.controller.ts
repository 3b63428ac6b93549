import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/errors/error-response.js';
import { PageQueryDto } from '../common/pagination/page.js';
import { uuidParam } from '../common/validation/decorators.js';
import {
  DeliveryQueryDto,
  RotateSecretDto,
  WebhookCreateDto,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookPageDto,
  WebhookResponseDto,
  WebhookUpdateDto,
  WebhookWithSecretDto,
} from './dto/webhook.dto.js';
import { WebhooksService } from './webhooks.service.js';

@ApiTags('Webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Authenticated('webhooks:write')
  @ApiCreatedResponse({ type: WebhookWithSecretDto, description: 'The signing secret is in this response only.' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'The tenant already has the most webhooks allowed.' })
  create(@Auth() caller: Caller, @Body() dto: WebhookCreateDto): Promise<WebhookWithSecretDto> {
    return this.webhooks.create(caller, dto);
  }

  @Get()
  @Authenticated('webhooks:read')
  @ApiOkResponse({ type: WebhookPageDto, description: 'Newest first; never the secrets.' })
  list(@Auth() caller: Caller, @Query() query: PageQueryDto): Promise<WebhookPageDto> {
    return this.webhooks.list(caller, query);
  }

  @Get(':id')
  @Authenticated('webhooks:read')
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<WebhookResponseDto> {
    return this.webhooks.get(caller, id);
  }

  @Patch(':id')
  @Authenticated('webhooks:write')
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Body() dto: WebhookUpdateDto): Promise<WebhookResponseDto> {
    return this.webhooks.update(caller, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated('webhooks:write')
  @ApiNoContentResponse({ description: 'The webhook and its delivery log are gone; queued deliveries are dropped.' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  delete(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.webhooks.delete(caller, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @Authenticated('webhooks:write')
  @ApiOkResponse({ type: WebhookWithSecretDto, description: 'The new secret, in this response only.' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  rotateSecret(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Body() dto: RotateSecretDto): Promise<WebhookWithSecretDto> {
    return this.webhooks.rotateSecret(caller, id, dto);
  }

  @Post(':id/test')
  @HttpCode(202)
  @Authenticated('webhooks:write')
  @ApiAcceptedResponse({ type: WebhookDeliveryDto, description: 'A `ping` delivery is queued; follow it at GET /webhooks/:id/deliveries/:deliveryId.' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'The webhook is disabled.' })
  test(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.test(caller, id);
  }

  @Get(':id/deliveries')
  @Authenticated('webhooks:read')
  @ApiOkResponse({ type: WebhookDeliveryPageDto, description: 'Newest first, each with its attempts.' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  deliveries(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Query() query: DeliveryQueryDto): Promise<WebhookDeliveryPageDto> {
    return this.webhooks.listDeliveries(caller, id, query);
  }

  @Get(':id/deliveries/:deliveryId')
  @Authenticated('webhooks:read')
  @ApiOkResponse({ type: WebhookDeliveryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  delivery(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Param('deliveryId', uuidParam('deliveryId')) deliveryId: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.getDelivery(caller, id, deliveryId);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @Authenticated('webhooks:write')
  @ApiAcceptedResponse({ type: WebhookDeliveryDto, description: 'A new delivery of the same event (same id and body) is queued.' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'The webhook is disabled.' })
  redeliver(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Param('deliveryId', uuidParam('deliveryId')) deliveryId: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.redeliver(caller, id, deliveryId);
  }
}

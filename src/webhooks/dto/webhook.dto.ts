import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { PageQueryDto } from '../../common/pagination/page.js';
import { IsOmittable, Trim } from '../../common/validation/decorators.js';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS, type WebhookDeliveryStatus, type WebhookEvent, type WebhookEventType } from '../../database/schema.js';
import { MAX_URL_LENGTH } from '../webhook-url.js';

export const DEFAULT_SCORE_CHANGE_THRESHOLD = 5;
const EVENTS_MESSAGE = `each value in events must be one of: ${WEBHOOK_EVENTS.join(', ')}`;

export class WebhookCreateDto {
  @ApiProperty({ example: 'https://hooks.example.com/rampart', maxLength: MAX_URL_LENGTH, description: 'HTTPS; not on a loopback, private or link-local address; no user name or password.' })
  @MaxLength(MAX_URL_LENGTH)
  @IsString()
  url!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, example: 'PSA ticket automation' })
  @IsOptional()
  @Trim()
  @MaxLength(500)
  @IsString()
  description?: string | null;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, example: ['evaluation.completed', 'client.score_changed'] })
  @ArrayMinSize(1, { message: 'events must name at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique({ message: 'events must not repeat an event' })
  @IsIn(WEBHOOK_EVENTS, { each: true, message: EVENTS_MESSAGE })
  @IsArray()
  events!: WebhookEvent[];

  @ApiPropertyOptional({ minimum: 0.1, maximum: 100, default: DEFAULT_SCORE_CHANGE_THRESHOLD, description: 'For client.score_changed: the smallest change, in points, that is sent.' })
  @IsOmittable()
  @Min(0.1)
  @Max(100)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  scoreChangeThreshold?: number;

  @ApiPropertyOptional({ default: true })
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookUpdateDto {
  @ApiPropertyOptional({ maxLength: MAX_URL_LENGTH })
  @IsOmittable()
  @MaxLength(MAX_URL_LENGTH)
  @IsString()
  url?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, description: '`null` clears it.' })
  @IsOptional()
  @Trim()
  @MaxLength(500)
  @IsString()
  description?: string | null;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsOmittable()
  @ArrayMinSize(1, { message: 'events must name at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique({ message: 'events must not repeat an event' })
  @IsIn(WEBHOOK_EVENTS, { each: true, message: EVENTS_MESSAGE })
  @IsArray()
  events?: WebhookEvent[];

  @ApiPropertyOptional({ minimum: 0.1, maximum: 100 })
  @IsOmittable()
  @Min(0.1)
  @Max(100)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  scoreChangeThreshold?: number;

  @ApiPropertyOptional({ description: '`true` also clears `disabledReason`.' })
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;
}

export class RotateSecretDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 168,
    default: 0,
    description: 'Keep signing with the old secret too (a second `v1` in Rampart-Signature) for this many hours, so receivers can switch without dropping events. 0: the old secret stops at once.',
  })
  @IsOmittable()
  @Min(0)
  @Max(168)
  @IsInt()
  previousSecretExpiresInHours?: number;
}

export class WebhookResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'https://hooks.example.com/rampart' }) url!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events!: WebhookEvent[];
  @ApiProperty({ example: 5 }) scoreChangeThreshold!: number;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why Rampart disabled the webhook (its endpoint answered 410 Gone).' }) disabledReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) secretRotatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Until when the rotated-out secret still signs.' }) previousSecretExpiresAt!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class WebhookWithSecretDto extends WebhookResponseDto {
  @ApiProperty({ example: 'whsec_…', description: 'The signing secret. Shown only in this response: store it now.' }) secret!: string;
}

export class WebhookPageDto {
  @ApiProperty({ type: [WebhookResponseDto] }) data!: WebhookResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES)
  status?: WebhookDeliveryStatus;
}

export class WebhookAttemptDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: Number, nullable: true, example: 500, description: 'The endpoint\'s HTTP status; null when it never answered.' }) statusCode!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'HTTP 500: upstream unavailable' }) error!: string | null;
  @ApiProperty({ example: 84 }) durationMs!: number;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'Sent as the Rampart-Delivery header.' }) id!: string;
  @ApiProperty({ format: 'uuid' }) webhookId!: string;
  @ApiProperty({ format: 'uuid', description: 'The event\'s id (the body\'s `id`): the same on a redelivery, so receivers can ignore duplicates.' }) eventId!: string;
  @ApiProperty({ enum: [...WEBHOOK_EVENTS, 'ping'] }) eventType!: WebhookEventType;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status!: WebhookDeliveryStatus;
  @ApiProperty({ type: Object, description: 'The body sent, identical on every attempt.' }) payload!: Record<string, unknown>;
  @ApiProperty({ type: [WebhookAttemptDto], description: 'The most recent attempts, oldest first.' }) attempts!: WebhookAttemptDto[];
  @ApiProperty() attemptCount!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why the delivery failed for good.' }) error!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The delivery this one re-sends.' }) redeliveryOf!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) data!: WebhookDeliveryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

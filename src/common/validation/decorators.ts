import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/**
 * Optional, but `null` is still validated (and so refused) rather than skipped as `@IsOptional`
 * would: for fields that can be left out but never cleared.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

export function Trim(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
}

export function LowercaseEach(): PropertyDecorator {
  return Transform(({ value }) => (Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim().toLowerCase() : item)) : value));
}

/** Path ids: anything but a UUID is a 400 that names the parameter. */
export function uuidParam(name = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new BadRequestException({ message: `${name} must be a UUID`, details: [{ field: name, message: `${name} must be a UUID` }] }),
  });
}

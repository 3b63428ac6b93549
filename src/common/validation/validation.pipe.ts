import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '../errors/error-response.js';

/** class-validator on every input: unknown fields rejected, values converted to their declared types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    // One problem per field: the first that fails, not every rule it also breaks. class-validator
    // runs a property's decorators bottom-up, so DTOs put the type check (@IsString, @IsInt,
    // @IsArray) nearest the property: "seats must be an integer", not "must not be greater than".
    stopAtFirstError: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      return new BadRequestException({
        message: `Invalid request: ${details.map((d) => d.message).join('; ')}`,
        details,
      });
    },
  });
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: parent ? `${field}: ${message}` : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

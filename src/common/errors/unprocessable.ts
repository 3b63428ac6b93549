import { UnprocessableEntityException } from '@nestjs/common';

/** A well-formed request that refers to something absent or not allowed, with the field it is about. */
export function unprocessable(field: string, message: string): UnprocessableEntityException {
  return new UnprocessableEntityException({ message, details: [{ field, message }] });
}

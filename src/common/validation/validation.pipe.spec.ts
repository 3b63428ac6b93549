import { BadRequestException } from '@nestjs/common';
import { describe, expect, it } from '@jest/globals';
import { ClientCreateDto, ClientUpdateDto } from '../../clients/dto/client.dto.js';
import { createValidationPipe } from './validation.pipe.js';

const pipe = createValidationPipe();

async function problems(metatype: new () => object, value: unknown) {
  try {
    await pipe.transform(value, { type: 'body', metatype });
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as { message: string; details: { field: string; message: string }[] };
  }
  throw new Error('expected a validation error');
}

describe('validation pipe', () => {
  it('names each field that is wrong', async () => {
    const result = await problems(ClientCreateDto, { name: '', seats: 'many', domains: ['not a domain'] });
    expect(result.details.map((detail) => detail.field).toSorted()).toEqual(['domains', 'name', 'seats']);
    expect(result.message).toMatch(/^Invalid request: /);
  });

  it('refuses fields the API does not know', async () => {
    const result = await problems(ClientCreateDto, { name: 'Acme', tenantId: '0b6f3f4e-8c1a-4d3b-9a8e-2f1c0d9e8b7a' });
    expect(result.details).toEqual([{ field: 'tenantId', message: 'property tenantId should not exist' }]);
  });

  it('paths nested problems by index', async () => {
    const result = await problems(ClientCreateDto, { name: 'Acme', externalRefs: [{ system: 'connectwise', id: '1' }, { system: 'Bad System', id: '' }] });
    expect(result.details.map((detail) => detail.field)).toEqual(['externalRefs.1.system', 'externalRefs.1.id']);
  });

  it('refuses null for a field that cannot be cleared, but accepts it for one that can', async () => {
    const result = await problems(ClientUpdateDto, { name: null });
    expect(result.details[0]!.field).toBe('name');
    await expect(pipe.transform({ seats: null, notes: null }, { type: 'body', metatype: ClientUpdateDto })).resolves.toMatchObject({ seats: null, notes: null });
  });

  it('trims names and lowercases domains', async () => {
    const dto = (await pipe.transform({ name: '  Acme Dental  ', domains: [' AcmeDental.COM '] }, { type: 'body', metatype: ClientCreateDto })) as ClientCreateDto;
    expect(dto.name).toBe('Acme Dental');
    expect(dto.domains).toEqual(['acmedental.com']);
  });
});

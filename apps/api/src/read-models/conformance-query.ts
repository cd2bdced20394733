import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CONFORMANCE_CHOICES } from '@crm/projections';

/**
 * `conformance=all|conforming` (default all) on a read-model query: with `conforming` the records whose
 * history has a stage move no blueprint transition explains (an imported StageRecorded) are left out.
 */
export const ConformanceQuery = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      description: 'all (default), or conforming: without the records whose history has a StageRecorded (an imported move no blueprint transition explains)',
      enum: CONFORMANCE_CHOICES,
    }),
    IsOptional(),
    IsIn(CONFORMANCE_CHOICES, { message: 'conformance must be all or conforming' }),
  );

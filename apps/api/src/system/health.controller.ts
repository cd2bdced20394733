import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Engine } from '@crm/engine';
import { serializePosition } from '@crm/event-store';
import { ENGINE } from '../api.tokens';
import { Public } from '../identity/public.decorator';

export interface Health {
  readonly status: 'ok';
  readonly store: { readonly kind: string; readonly headPosition: string | null };
  readonly blueprints: readonly string[];
}

@ApiTags('system')
@Controller('health')
export class HealthController {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: store kind and head position, loaded blueprints' })
  async health(): Promise<Health> {
    const head = await this.engine.store.headPosition();
    return {
      status: 'ok',
      store: { kind: this.engine.store.kind, headPosition: head ? serializePosition(head) : null },
      blueprints: this.engine.catalog.kinds(),
    };
  }
}

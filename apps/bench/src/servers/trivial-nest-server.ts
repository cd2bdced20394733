import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { serveBenchControl } from './server-process';

/** The floor of the stack: one Nest controller on the Fastify adapter that answers with its body. */
@Controller()
export class EchoController {
  @Post('echo')
  @HttpCode(200)
  echo(@Body() body: Record<string, unknown>): Record<string, unknown> {
    return body;
  }
}

@Module({ controllers: [EchoController] })
export class EchoModule {}

const main = async (): Promise<void> => {
  const app = await NestFactory.create<NestFastifyApplication>(EchoModule, new FastifyAdapter(), { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (typeof address !== 'object' || address === null) throw new Error('the echo server has no TCP address');
  serveBenchControl(`http://127.0.0.1:${address.port}`, () => app.close());
};

main().catch((error: unknown) => {
  process.stderr.write(`trivial-nest-server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

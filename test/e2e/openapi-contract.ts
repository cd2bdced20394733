import { fromSchema } from '@openapi-contrib/openapi-schema-to-json-schema';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject, OperationObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** One answer of the API: the request that got it, its status and its JSON body. */
export interface Answer {
  readonly method: string;
  /** As requested, query string included. */
  readonly path: string;
  readonly status: number;
  readonly body: unknown;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Method = (typeof METHODS)[number];

const COMPONENTS = 'components';
const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;

interface Route {
  readonly template: string;
  readonly pattern: RegExp;
  readonly parameters: number;
}

const routeOf = (template: string): Route => {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return { template, pattern: new RegExp(`^${source}$`), parameters: template.split('{').length - 1 };
};

const isMethod = (method: string): method is Method => (METHODS as readonly string[]).includes(method);
const isReference = (value: object): value is ReferenceObject => '$ref' in value;

/**
 * OpenAPI 3.0 schema → JSON Schema that Ajv checks: `nullable` becomes a `null` type (the converter),
 * references point at the components registered beside it.
 */
const jsonSchemaOf = (schema: SchemaObject | ReferenceObject): object => {
  const converted = fromSchema(schema);
  // The converter labels its output draft-04; the keywords it writes mean the same in Ajv's draft-07.
  delete converted.$schema;
  return JSON.parse(JSON.stringify(converted), (key, value: unknown) => {
    if (key !== '$ref' || typeof value !== 'string') return value;
    const name = COMPONENT_REF.exec(value)?.[1];
    if (name === undefined) throw new Error(`unsupported $ref ${value}`);
    return `${COMPONENTS}#/definitions/${name}`;
  }) as object;
};

const describeError = (error: ErrorObject): string => {
  const at = error.instancePath === '' ? '(body)' : error.instancePath;
  if (error.keyword === 'additionalProperties') return `${at}: undocumented property "${String(error.params['additionalProperty'])}"`;
  return `${at}: ${error.message ?? error.keyword}`;
};

/**
 * The contract an OpenAPI document states for every answer: for the route and status of an answer,
 * the schema its body must match. Checked with Ajv and its formats (date-time, uuid).
 */
export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenAPIObject) {
    this.ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(this.ajv);
    const definitions = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, jsonSchemaOf(schema)]));
    this.ajv.addSchema({ $id: COMPONENTS, definitions });
    this.routes = Object.keys(document.paths).map(routeOf);
  }

  /** The document route an actual path is answered by; the one with fewest parameters when several match. */
  routeOf(path: string): string | undefined {
    const bare = path.split('?')[0] ?? path;
    return this.routes.filter((route) => route.pattern.test(bare)).sort((a, b) => a.parameters - b.parameters)[0]?.template;
  }

  /** Everything in which the answer breaks the document; empty when it conforms. */
  problemsOf(answer: Answer): string[] {
    const label = `${answer.method} ${answer.path} → ${answer.status}`;
    const template = this.routeOf(answer.path);
    if (template === undefined) return [`${label}: no route of the document matches the path`];
    const method = answer.method.toLowerCase();
    const operation: OperationObject | undefined = isMethod(method) ? this.document.paths[template]?.[method] : undefined;
    if (!operation) return [`${label}: ${template} documents no ${answer.method}`];
    const response = operation.responses[String(answer.status)] ?? operation.responses['default'];
    if (!response) return [`${label}: ${answer.method} ${template} documents no ${answer.status} and no default`];
    if (isReference(response)) return [`${label}: response references are not supported`];
    const validate = this.validatorOf(`${method} ${template} ${answer.status}`, response);
    if (!validate) return [`${label}: ${answer.method} ${template} ${answer.status} has no application/json schema`];
    if (validate(answer.body)) return [];
    return (validate.errors ?? []).map((error) => `${label}: ${describeError(error)}`);
  }

  private validatorOf(key: string, response: ResponseObject): ValidateFunction | undefined {
    const known = this.validators.get(key);
    if (known) return known;
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return undefined;
    const validate = this.ajv.compile(jsonSchemaOf(schema));
    this.validators.set(key, validate);
    return validate;
  }
}

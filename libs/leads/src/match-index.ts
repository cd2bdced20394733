import { companyBlockKey } from './normalize';

/** What a similar rule compares of one record: its normalized company and person name. */
export interface SimilarFacts {
  readonly company: string;
  readonly person: string;
}

/**
 * The records similar rules compare against, in memory, blocked by the company's first word (README,
 * Intake and dedup): a look-up compares with the records of one block, not with every record.
 * Records leave it when they are merged away and come back when split.
 */
export class MatchIndex {
  private readonly blocks = new Map<string, Map<string, SimilarFacts>>();
  private readonly blockOf = new Map<string, string>();

  get size(): number {
    return this.blockOf.size;
  }

  /** Adds the record, or moves it to where its new facts belong; a record without a company is left out. */
  upsert(recordId: string, facts: SimilarFacts | null): void {
    this.remove(recordId);
    if (facts === null || facts.company.length === 0) return;
    const key = companyBlockKey(facts.company);
    let block = this.blocks.get(key);
    if (block === undefined) {
      block = new Map();
      this.blocks.set(key, block);
    }
    block.set(recordId, facts);
    this.blockOf.set(recordId, key);
  }

  remove(recordId: string): void {
    const key = this.blockOf.get(recordId);
    if (key === undefined) return;
    const block = this.blocks.get(key);
    block?.delete(recordId);
    if (block?.size === 0) this.blocks.delete(key);
    this.blockOf.delete(recordId);
  }

  has(recordId: string): boolean {
    return this.blockOf.has(recordId);
  }

  /** The records whose company falls in the same block as `company` (normalized), in the order they came. */
  candidates(company: string): ReadonlyMap<string, SimilarFacts> {
    return this.blocks.get(companyBlockKey(company)) ?? new Map();
  }
}

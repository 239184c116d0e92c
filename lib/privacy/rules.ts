// The vocabulary of the privacy registry (./registry.ts).

/** What erasing an account writes into a column of the rows it keeps. */
export type ErasedValue =
  | null
  /** The account's name becomes "Deleted learner". */
  | 'deleted-name'
  /** A unique address under the reserved `.invalid` domain, made from the account id. */
  | 'deleted-email'
  /** A revoked certificate's holder name: a marker that says the holder deleted their account. */
  | 'tombstone'
  | 'empty-json'
  | 'empty-text'
  /** Set to the erasure time unless already set (a membership ends). */
  | 'now-if-null'
  /** JSON kept, but every string in it equal to the person's name or one of their addresses replaced. */
  | 'scrub';

/**
 * One column. `personal`: it says something about a person. `export`: in the owner's export as is,
 * withheld (secrets and internal state), or without answer keys. `set`: what erasure writes when the
 * row is kept; absent, the column goes with its row (deleted) or stays as the table says.
 */
export type Column = { personal: boolean; export?: 'as-is' | 'withheld' | 'without-keys'; set?: ErasedValue };

/** What erasing an account does to the rows its owner columns point at. */
export type Erasure =
  | { rows: 'delete' }
  /** Rows kept; columns with `set` rewritten. */
  | { rows: 'update'; why: string }
  /** Rows of anyone kept; `scrub` columns cleaned of the person's name and addresses wherever they appear. */
  | { rows: 'scrub'; why: string }
  | { rows: 'keep'; why: string };

/** The column that says whose a row is, and whether it holds the account id or an e-mail address. */
export type Owner = { column: string; holds: 'user-id' | 'email' };

export type TableRule = {
  /** Columns naming the person a row belongs to (any one matching makes it theirs); none: nobody's. */
  owners: readonly Owner[];
  /** True: the owner's rows go into their export. A sentence: why they do not. */
  export: true | string;
  erase: Erasure;
  columns: Record<string, Column>;
};

/** Not about a person (ids, times, content references), or an id that names nobody once the account is erased. */
export const plain: Column = { personal: false };
/** About a person: exported, and gone when the row goes. */
export const personal: Column = { personal: true };
/** Never exported (a secret or internal state); `set` when the row is kept. */
export const withheld = (erase: { set?: ErasedValue } = {}): Column => ({ personal: true, export: 'withheld', ...erase });
/** About a person, exported, and rewritten when the row is kept. */
export const erased = (erase: { set: ErasedValue }): Column => ({ personal: true, ...erase });

/** An owner column holding the account id. */
export const byUser = (column = 'user_id'): Owner => ({ column, holds: 'user-id' });
/** An owner column holding an e-mail address. */
export const byEmail = (column = 'email'): Owner => ({ column, holds: 'email' });
/** The owner's rows are deleted. */
export const deleteRows: Erasure = { rows: 'delete' };

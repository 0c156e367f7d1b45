// A profile that breaks the contract: every bad field, by path, with the reason.

export interface ProfileIssue {
  /** Dotted path of the field: investment.amount */
  readonly path: string;
  readonly message: string;
}

export class ProfileError extends Error {
  constructor(readonly issues: readonly ProfileIssue[]) {
    super(issues.map((i) => `${i.path || "profile"}: ${i.message}`).join("; "));
    this.name = "ProfileError";
  }
}

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

  /** The same issues at paths under a field of a larger request: "investment.amount" → "profile.investment.amount". */
  under(field: string): ProfileError {
    return new ProfileError(this.issues.map((i) => issueUnder(field, i)));
  }
}

export function issueUnder(field: string, issue: ProfileIssue): ProfileIssue {
  return { path: issue.path ? `${field}.${issue.path}` : field, message: issue.message };
}

import type { DuplicateReason } from '../../shared/contract';
import type { ImportDuplicate, ImportDuplicateReason } from '../../shared/contract/imports';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { similarNames } from '../duplicates/rules';
import type { NormalizedMember } from '../members/rules';

interface Existing {
  id: number;
  member_number: number;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  identity_number: string | null;
  email: string | null;
  mobile: string | null;
  archived: number;
}

/**
 * The register's members by the keys duplicates are found by (the same rules as duplicates.find:
 * identity number, e-mail, mobile, a similar name with the same birth date), and by member
 * number for a number kept from the file. Built once per check.
 */
export class ExistingIndex {
  private readonly byNumber = new Map<number, Existing>();
  private readonly byIdentity = new Map<string, Existing>();
  private readonly byEmail = new Map<string, Existing>();
  private readonly byMobile = new Map<string, Existing>();
  private readonly byBirth = new Map<string, Existing[]>();

  constructor(db: Db) {
    for (const m of db.all<Existing>(sql`SELECT id, member_number, first_name, last_name, birth_date, identity_number, email, mobile,
                                         archived_at IS NOT NULL AS archived FROM members`)) {
      // Numbers and identity numbers are unique across all members, archived ones too.
      this.byNumber.set(m.member_number, m);
      if (m.identity_number) this.byIdentity.set(m.identity_number, m);
      if (m.archived) continue;
      if (m.email && !this.byEmail.has(m.email)) this.byEmail.set(m.email, m);
      if (m.mobile && !this.byMobile.has(m.mobile)) this.byMobile.set(m.mobile, m);
      if (m.birth_date) {
        const list = this.byBirth.get(m.birth_date);
        if (list) list.push(m);
        else this.byBirth.set(m.birth_date, [m]);
      }
    }
  }

  /** The member holding this identity number, if any (to tell it apart from the matched one). */
  identityHolder(identity: string): number | null {
    return this.byIdentity.get(identity)?.id ?? null;
  }

  /**
   * The member a row to be imported matches, or null: the holder of its member number when it
   * has one in use (the old register's number says who it is), else the member with most reasons.
   */
  match(v: NormalizedMember, memberNumber: number | null): ImportDuplicate | null {
    const byNumber = memberNumber !== null ? this.byNumber.get(memberNumber) : undefined;
    const email = v.email ? this.byEmail.get(v.email) : undefined;
    const mobile = v.mobile ? this.byMobile.get(v.mobile) : undefined;
    const identity = v.identityNumber ? this.byIdentity.get(v.identityNumber) : undefined;
    const born = v.birthDate ? this.byBirth.get(v.birthDate) : undefined;
    // Most rows of a first import match nothing: no map of candidates for them.
    if (!byNumber && !email && !mobile && !identity && !born) return null;

    const found = new Map<number, { m: Existing; reasons: ImportDuplicateReason[] }>();
    const add = (m: Existing | undefined, reason: ImportDuplicateReason) => {
      if (!m) return;
      const f = found.get(m.id) ?? { m, reasons: [] };
      f.reasons.push(reason);
      found.set(m.id, f);
    };
    add(byNumber, 'same-member-number');
    add(identity, 'same-identity');
    add(email, 'same-email');
    add(mobile, 'same-mobile');
    for (const m of born ?? []) {
      if (similarNames(v, { firstName: m.first_name, lastName: m.last_name })) add(m, 'similar-name-same-birth-date' satisfies DuplicateReason);
    }
    let best: { m: Existing; reasons: ImportDuplicateReason[] } | null = byNumber ? found.get(byNumber.id)! : null;
    if (!best) for (const f of found.values()) if (!best || f.reasons.length > best.reasons.length) best = f;
    if (!best) return null;
    return { memberId: best.m.id, memberNumber: best.m.member_number, firstName: best.m.first_name, lastName: best.m.last_name, reasons: best.reasons };
  }
}

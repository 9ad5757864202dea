/**
 * SQL: person `p` is one of the brand's own accounts `a` (its replies under comments, a Page commenting as itself):
 * the same Meta id, or the same handle. Engaged people leave these out; forget refuses them.
 */
export const PERSON_IS_OWN_ACCOUNT_SQL = `(p.external_id = a.external_id OR (a.handle IS NOT NULL AND lower(p.username) = lower(a.handle)))`;

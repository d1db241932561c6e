// What the URL reader tells the user about a link it could not take as it was.

/** Every kind of notice the URL reader gives. */
export const URL_NOTICE_KINDS = [
  'unknown-key', // a key we do not know: ignored
  'bad-value', // not a number / not one of the choices: ignored, default kept
  'clamped', // a number outside its range: moved to the nearest allowed value
  'rounded', // a whole number was expected
  'precision', // more digits than the parameter keeps: rounded (β = 0.123456 → 0.123)
  'adjusted', // made consistent with another value (reference probabilities vs K)
  'version', // a schema version this app does not know: the whole link is refused
  'too-long', // more than we read: the rest is ignored
  'same-as-main', // a compared run (vs) equal to the main one: nothing to compare, not applied
  'needs-lesson', // a lesson's step (`step=`) without a usable lesson (`lesson=`): ignored
  'migrated', // an older version's link, rewritten (given: "ρw,ρl" of v1's pair, used: the margin h)
] as const;
export type UrlNoticeKind = (typeof URL_NOTICE_KINDS)[number];

export interface UrlNotice {
  kind: UrlNoticeKind;
  key: string;
  /** What the link said (truncated, never rendered as HTML). */
  given: string;
  /** What the app uses instead, when it applied something. */
  used?: string;
}

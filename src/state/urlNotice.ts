// What the URL reader tells the user about a link it could not take as it was.

export type UrlNoticeKind =
  | 'unknown-key' // a key we do not know: ignored
  | 'bad-value' // not a number / not one of the choices: ignored, default kept
  | 'clamped' // a number outside its range: moved to the nearest allowed value
  | 'rounded' // a whole number was expected
  | 'adjusted' // made consistent with another value (reference probabilities vs K)
  | 'version' // a schema version this app does not know: the whole link is refused
  | 'too-long'; // more than we read: the rest is ignored

export interface UrlNotice {
  kind: UrlNoticeKind;
  key: string;
  /** What the link said (truncated, never rendered as HTML). */
  given: string;
  /** What the app uses instead, when it applied something. */
  used?: string;
}

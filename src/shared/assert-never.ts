/** Ends every switch over a discriminated union, so adding a variant is a type error until handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`)
}

/**
 * The default author for a new package, found as `cargo new` used to find it: CARGO_NAME /
 * GIT_AUTHOR_NAME / GIT_COMMITTER_NAME / git's user.name / USER, and the matching e-mail.
 */
import { gitConfigValue } from '../tools/git'

export async function discoverAuthor(
  cwd: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<string | undefined> {
  const name =
    env.CARGO_NAME ??
    env.GIT_AUTHOR_NAME ??
    env.GIT_COMMITTER_NAME ??
    (await gitConfigValue(cwd, 'user.name')) ??
    env.USER ??
    env.USERNAME ??
    env.NAME
  if (!name?.trim()) return undefined
  const email =
    env.CARGO_EMAIL ??
    env.GIT_AUTHOR_EMAIL ??
    env.GIT_COMMITTER_EMAIL ??
    (await gitConfigValue(cwd, 'user.email')) ??
    env.EMAIL
  return email?.trim() ? `${name.trim()} <${email.trim()}>` : name.trim()
}

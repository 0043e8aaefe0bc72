/**
 * What the organisation says about a person's teams: of the teams asked about (`org/slug`), the
 * ones they are an active member of — an invitation not yet accepted (`pending`) does not count.
 * `refused` when the caller may not ask (a GitHub App without the organisation permission
 * `members: read`): a sentence naming what is missing, for the person's reply.
 */
export interface TeamMemberships {
  activeTeams(login: string, teams: readonly string[]): Promise<{ active: string[] } | { refused: string }>;
}

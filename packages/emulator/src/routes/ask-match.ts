import type { CatalogConnector, CatalogEntity } from "../catalog/types.js";
import type { Connector } from "../store.js";
import { listOf, requiredParams } from "./ask-params.js";

/** A workspace connector with its catalog entry. */
export interface AskSource {
  connector: Connector;
  definition: CatalogConnector;
}

export interface AskChoice extends AskSource {
  entity: CatalogEntity;
}

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function singular(word: string): string {
  return word.replace(/ies$/, "y").replace(/s$/, "");
}

/** Whether `phrase` occurs in `prompt` as consecutive words ("zendesk support" in "open zendesk support tickets"). */
function containsPhrase(prompt: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  return prompt.some((_, i) => phrase.every((word, j) => prompt[i + j] === word));
}

/**
 * The connectors a prompt names: by display name, slug or instance name ("GitHub", "zendesk-support", "Acme
 * Stripe"), or by the display name's first word when no other connector of the workspace shares it ("zendesk").
 */
export function namedSources(prompt: string[], sources: AskSource[]): AskSource[] {
  const firstWord = (s: AskSource) => words(s.definition.displayName)[0];
  return sources.filter((source) => {
    const phrases = [words(source.definition.displayName), words(source.definition.name), words(source.connector.name)];
    if (phrases.some((phrase) => containsPhrase(prompt, phrase))) return true;
    const first = firstWord(source);
    return first !== undefined && prompt.includes(first) && sources.filter((s) => firstWord(s) === first).length === 1;
  });
}

/** A connector created with `entities` answers only those (execute refuses the others). */
function enabledEntities(source: AskSource): CatalogEntity[] {
  const granted = source.connector.entities;
  if (!granted || granted.length === 0) return source.definition.entities;
  return source.definition.entities.filter((e) => granted.some((g) => g.entity === e.name));
}

/** How well an entity matches the prompt: every word of its name must be there (singular or plural); longer names win. */
function entityScore(promptSingular: Set<string>, entity: CatalogEntity): number {
  const entityWords = entity.name.split("_").map(singular);
  return entityWords.every((w) => promptSingular.has(w)) ? entityWords.length : 0;
}

/**
 * Picks the connector and entity to answer from. A prompt that names connectors is answered from one of them,
 * never from another connector that happens to have an entity of the same name ("github issues" is GitHub's
 * issues, not Linear's): from the named entity if it has one, else from its first list needing the fewest
 * parameters. Otherwise the best entity match over all connectors, in workspace order.
 */
export function chooseSource(prompt: string, sources: AskSource[]): AskChoice | undefined {
  const promptWords = words(prompt);
  const promptSingular = new Set(promptWords.map(singular));
  const named = namedSources(promptWords, sources);
  const pool = named.length > 0 ? named : sources;
  let best: (AskChoice & { score: number; required: number }) | undefined;
  for (const source of pool) {
    for (const entity of enabledEntities(source)) {
      const list = listOf(entity);
      if (!list) continue;
      const score = entityScore(promptSingular, entity);
      const required = requiredParams(list).length;
      if (score === 0) continue;
      if (!best || score > best.score || (score === best.score && required < best.required)) {
        best = { ...source, entity, score, required };
      }
    }
  }
  if (best) return { connector: best.connector, definition: best.definition, entity: best.entity };
  const [fallback] = named;
  if (!fallback) return undefined;
  const lists = enabledEntities(fallback).filter((e) => listOf(e));
  const simplest = [...lists].sort((a, b) => requiredParams(listOf(a)!).length - requiredParams(listOf(b)!).length)[0];
  return simplest ? { ...fallback, entity: simplest } : undefined;
}

// How linked facts are shown: a voice, a fact's summary, a claim as a fact shows it, a
// contradiction, and which claims a source query means. The registry names the networks.
// FactsService (facts.ts) answers its questions with these.
import { describeScope, formatFigure, type Contradiction, type Fact, type LinkClaim, type Voice } from "../core/linking/index.js";
import type { SourceRegistry } from "../core/sources.js";
import { factOfClaim, reasonOf, type Linked } from "./fact-lookups.js";
import type { ClaimView, ConflictView, FactSummary } from "./fact-views.js";
import type { VoiceView } from "./timeline-rows.js";

/** The views of linked facts over one source registry. */
export class FactViews {
  constructor(private readonly registry: SourceRegistry) {}

  voiceView(v: Voice): VoiceView {
    const network = v.id.startsWith("net:") ? v.id.slice(4) : null;
    const networkName = network ? (this.registry.networks.get(network)?.name ?? network) : null;
    return {
      id: v.id,
      label: networkName && v.sources.length > 1 ? `${networkName} (${v.label})` : v.label,
      network,
      networkName,
      count: v.count,
      qualifier: v.qualifier,
      figure: formatFigure(v.count, v.qualifier),
      registered: v.registered,
      claimIds: v.claimIds,
    };
  }

  summary(f: Fact): FactSummary {
    return {
      id: f.id,
      description: describeScope(f.scope),
      event: f.scope.family,
      place: f.scope.place,
      period: f.scope.period,
      victims: f.scope.victims,
      low: f.low,
      best: f.best,
      high: f.high,
      highIsMinimum: f.highIsMinimum,
      bestRule: f.bestRule,
      status: f.status,
      voices: f.voices.map((v) => this.voiceView(v)),
      claims: f.claims.length,
      contradictions: f.contradictionIds.length,
      parentId: f.parentId,
      children: f.children,
    };
  }

  claimView(c: LinkClaim, fact: Fact | undefined, linked: Linked): ClaimView {
    const voice = fact?.voices.find((v) => v.claimIds.includes(c.id));
    return {
      id: c.id,
      documentId: Number(c.documentId),
      document: c.documentName,
      published: c.published,
      count: c.count,
      qualifier: c.qualifier,
      figure: formatFigure(c.count, c.qualifier),
      period: c.period,
      ...(linked.periodLabels.has(c.id) ? { periodLabel: linked.periodLabels.get(c.id) } : {}),
      place: c.place,
      victims: c.victims,
      source: c.source,
      credited: linked.credited.get(c.id) ?? null,
      network: c.sourceNetwork ?? (c.reportedBy ? this.registry.networkOf(c.reportedBy) : null),
      reportedBy: c.reportedBy,
      voice: voice ? this.voiceView(voice).label : null,
      standing: voice?.figureClaimId === c.id,
      quote: c.quote,
    };
  }

  /** True when a claim is heard from the source (name, alias or network id) asked for. */
  sourceMatcher(query: string): (c: LinkClaim) => boolean {
    const entry = this.registry.lookup(query);
    const q = query.trim().toLowerCase();
    const network = this.registry.networks.has(q) ? q : null;
    return (c) => {
      const speaker = c.source ?? c.reportedBy;
      if (!speaker) return false;
      if (entry && speaker === entry.short) return true;
      if (network && (c.sourceNetwork ?? this.registry.networkOf(speaker)) === network) return true;
      return speaker.toLowerCase() === q;
    };
  }

  conflictView(con: Contradiction, linked: Linked): ConflictView {
    const claims = con.claims.flatMap((id) => {
      const c = linked.claims.get(id);
      if (!c) return [];
      // Each claim is counted in one fact: the conflict's fact holding it, if any.
      const fid = factOfClaim(linked).get(id);
      const fact = fid !== undefined && con.facts.includes(fid) ? linked.facts.get(fid) : undefined;
      return [this.claimView(c, fact, linked)];
    });
    return {
      id: con.id,
      kind: con.kind,
      severity: con.severity,
      reason: reasonOf(linked, con),
      independent: con.independent,
      score: con.score,
      largest: claims.reduce((m, c) => Math.max(m, c.count), 0),
      facts: con.facts.flatMap((fid) => {
        const f = linked.facts.get(fid);
        return f ? [{ id: f.id, description: describeScope(f.scope) }] : [];
      }),
      claims,
    };
  }
}

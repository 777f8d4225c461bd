// The claims list's filters, facets and some of their combinations, as bench/web.mjs times them
// (issue 24): every single-column filter of `/api/v1/claims`, each facet alone and all together,
// with and without filters, and the documents list's filters. Values are those of the synthetic
// store (bench/synthetic.mjs) and of samples/corpus; a value absent from a store still times the
// query (an empty answer).

const ALL_FACETS = "event,place,source,victims,year,status,qualifier";

/** [name, path] of each call, in the order they are timed. */
export const FILTER_CALLS = [
  ["claims: no filter", "/api/v1/claims?limit=50"],
  // One column each.
  ["claims: event=execution", "/api/v1/claims?event=execution&limit=50"],
  ["claims: event=flogging", "/api/v1/claims?event=flogging&limit=50"],
  ["claims: event=arrest,torture", "/api/v1/claims?event=arrest,torture&limit=50"],
  ["claims: place=Iran (nested)", "/api/v1/claims?place=Iran&limit=50"],
  ["claims: place=iran (any case)", "/api/v1/claims?place=iran&limit=50"],
  ["claims: place=Baghdad", "/api/v1/claims?place=Baghdad&limit=50"],
  ["claims: place=Belarus", "/api/v1/claims?place=Belarus&limit=50"],
  ["claims: source=HRANA", "/api/v1/claims?source=HRANA&limit=50"],
  ["claims: source=hrana (any case)", "/api/v1/claims?source=hrana&limit=50"],
  ["claims: source=Some Local Group", "/api/v1/claims?source=Some%20Local%20Group&limit=50"],
  ["claims: period from=2020", "/api/v1/claims?from=2020&limit=50"],
  ["claims: period to=2012", "/api/v1/claims?to=2012&limit=50"],
  ["claims: period 2015..2016", "/api/v1/claims?from=2015&to=2016&limit=50"],
  ["claims: period 2018-03", "/api/v1/claims?from=2018-03&to=2018-03&limit=50"],
  ["claims: status=proposed", "/api/v1/claims?status=proposed&limit=50"],
  ["claims: status=accepted", "/api/v1/claims?status=accepted&limit=50"],
  ["claims: victims=women", "/api/v1/claims?victims=women&limit=50"],
  ["claims: clutter=true", "/api/v1/claims?clutter=true&limit=50"],
  // Other orders, and a later page.
  ["claims: place=Iran sort=count", "/api/v1/claims?place=Iran&sort=count&limit=50"],
  ["claims: source=HRANA sort=published", "/api/v1/claims?source=HRANA&sort=published&limit=50"],
  ["claims: from=2020 sort=count", "/api/v1/claims?from=2020&sort=count&limit=50"],
  ["claims: event=execution offset=1000", "/api/v1/claims?event=execution&limit=50&offset=1000"],
  // Combinations.
  ["claims: event+place", "/api/v1/claims?event=execution&place=Iran&limit=50"],
  ["claims: place+period", "/api/v1/claims?place=Iran&from=2020&limit=50"],
  ["claims: source+period", "/api/v1/claims?source=HRANA&from=2015&to=2018&limit=50"],
  ["claims: event+victims+place", "/api/v1/claims?event=execution&victims=women&place=Iraq&limit=50"],
  ["claims: event+place+from sort=count", "/api/v1/claims?event=execution&place=Iran&from=2020&sort=count&limit=50"],
  ["claims: source+victims+period", "/api/v1/claims?source=IHRNGO&victims=protesters&from=2016&to=2019&limit=50"],
  // Facets.
  ...ALL_FACETS.split(",").map((f) => [`facets: ${f} (no filter)`, `/api/v1/claims?limit=50&facets=${f}`]),
  ["facets: all (no filter)", `/api/v1/claims?limit=50&facets=${ALL_FACETS}`],
  ["facets: all, event=execution", `/api/v1/claims?event=execution&limit=50&facets=${ALL_FACETS}`],
  ["facets: all, place=Iran", `/api/v1/claims?place=Iran&limit=50&facets=${ALL_FACETS}`],
  ["facets: all, source=HRANA", `/api/v1/claims?source=HRANA&limit=50&facets=${ALL_FACETS}`],
  ["facets: all, from=2020", `/api/v1/claims?from=2020&limit=50&facets=${ALL_FACETS}`],
  ["facets: all, victims=women", `/api/v1/claims?victims=women&limit=50&facets=${ALL_FACETS}`],
  ["facets: all, event+place+period", `/api/v1/claims?event=execution&place=Iran&from=2018&limit=50&facets=${ALL_FACETS}`],
  // Periods in whole years are in migration 18's tallies; in months they are grouped from the claims.
  ["facets: all, period 2015..2016", `/api/v1/claims?from=2015&to=2016&limit=50&facets=${ALL_FACETS}`],
  ["facets: all, source+victims+period", `/api/v1/claims?source=IHRNGO&victims=protesters&from=2016&to=2019&limit=50&facets=${ALL_FACETS}`],
  ["facets: all, period 2018-03", `/api/v1/claims?from=2018-03&to=2018-03&limit=50&facets=${ALL_FACETS}`],
  // The documents list's filters.
  ["documents: no filter", "/api/v1/documents?limit=50"],
  ["documents: language=en", "/api/v1/documents?language=en&limit=50"],
  ["documents: publisher=Reuters", "/api/v1/documents?publisher=Reuters&limit=50"],
  ["documents: published 2020", "/api/v1/documents?from=2020&to=2020&limit=50"],
];

// The overview's yearly chart (recharts), in its own chunk: the page and its figures do not wait
// for the charting library.
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Overview } from "../api.js";
import { fmt } from "../ui.js";

const LINE_COLOURS = ["#1f5fa8", "#b3401a", "#2a7a3b", "#7b3fa0", "#8a6d00", "#006d77", "#a3195b"];

export default function OverviewChart({ timeline: t }: { timeline: Overview["timeline"] }) {
  const rows = t.rows.map((r) => {
    const row: Record<string, unknown> = { label: r.label, band: [r.low, r.high], best: r.best };
    for (const v of t.voices) row[v.id] = r.voices[v.id]?.count ?? null;
    return row;
  });
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={rows} margin={{ top: 10, right: 16, bottom: 4, left: 8 }}>
        <CartesianGrid stroke="#d7dbe0" strokeDasharray="3 3" />
        <XAxis dataKey="label" stroke="#3b4450" />
        <YAxis stroke="#3b4450" tickFormatter={(v: number) => fmt(v)} />
        <Tooltip formatter={(v: unknown) => (Array.isArray(v) ? v.map((x) => fmt(Number(x))).join(" – ") : fmt(Number(v)))} />
        <Legend />
        <Area dataKey="band" name="low – high" fill="#9db7d5" stroke="#6f8fb5" fillOpacity={0.45} isAnimationActive={false} />
        <Line dataKey="best" name="best" stroke="#111" strokeDasharray="6 3" dot={false} isAnimationActive={false} />
        {t.voices.map((v, i) => (
          <Line key={v.id} dataKey={v.id} name={v.label} stroke={LINE_COLOURS[i % LINE_COLOURS.length]} strokeWidth={2} connectNulls isAnimationActive={false} />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { VitalsChartSeries } from "@/lib/clinical/vital-trends";

function dayFormat(timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short" });
}

function dayTimeFormat(timeZone: string, hour12: boolean) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    hour: hour12 ? "numeric" : "2-digit",
    minute: "2-digit",
    hourCycle: hour12 ? "h12" : "h23",
  });
}

function dateTimeFormat(timeZone: string, hour12: boolean) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: hour12 ? "numeric" : "2-digit",
    minute: "2-digit",
    hourCycle: hour12 ? "h12" : "h23",
  });
}

function TrendChart({
  series,
  timeZone,
  hour12,
}: {
  series: VitalsChartSeries;
  timeZone: string;
  hour12: boolean;
}) {
  const moment = dateTimeFormat(timeZone, hour12);
  const latest = series.points.at(-1);
  // Sets taken within two days apart are told apart by their time, longer series by their day.
  const span = (latest?.t ?? 0) - (series.points[0]?.t ?? 0);
  const tick = span < 2 * 86_400_000 && span > 0 ? dayTimeFormat(timeZone, hour12) : dayFormat(timeZone);
  return (
    <Card className="overflow-hidden">
      <CardHeader className="flex-row items-baseline justify-between gap-2 pb-1">
        <CardTitle as="h3" className="text-base">
          {series.title}
        </CardTitle>
        {latest ? (
          <span className="text-sm text-slate-600">
            latest{" "}
            <strong className="font-semibold text-slate-900">
              {series.lines.map((line) => latest[line.key]).join("/")} {series.unit}
            </strong>
          </span>
        ) : null}
      </CardHeader>
      <CardContent className="px-2 pb-3">
        <div className="h-44" role="img" aria-label={`${series.title} over time, in ${series.unit}`}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={series.points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={["dataMin", "dataMax"]}
                tickFormatter={(value: number) => tick.format(value)}
                tick={{ fontSize: 11, fill: "#475569" }}
                minTickGap={24}
              />
              <YAxis
                width={40}
                domain={[(min: number) => Math.floor(min) - 1, (max: number) => Math.ceil(max) + 1]}
                tick={{ fontSize: 11, fill: "#475569" }}
                allowDecimals={false}
              />
              <Tooltip
                labelFormatter={(value) => moment.format(Number(value))}
                formatter={(value, name) => [`${value} ${series.unit}`, name]}
              />
              {series.lines.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} /> : null}
              {series.lines.map((line) => (
                <Line
                  key={line.key}
                  type="monotone"
                  dataKey={line.key}
                  name={line.label}
                  stroke={line.color}
                  strokeWidth={2}
                  dot={{ r: 3 }}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </CardContent>
    </Card>
  );
}

/** A trend chart per measure that has values, in the clinic's units. */
export function VitalsCharts({
  series,
  timeZone,
  hour12,
}: {
  series: VitalsChartSeries[];
  timeZone: string;
  hour12: boolean;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
      {series.map((one) => (
        <TrendChart key={one.key} series={one} timeZone={timeZone} hour12={hour12} />
      ))}
    </div>
  );
}

"use client";

import type { CSSProperties } from "react";
import type { ClinicTimeFormat } from "@/components/clinic/clinic-time";
import { useClinicTimeFormat } from "@/components/ui/clinic-clock";
import { cn } from "@/components/ui/cn";
import type { CalendarAppointment, CalendarSlot } from "@/lib/clinic/calendar";
import { isClosedStatus, STATUS_LABEL } from "./appointment-status";
import { type CalendarColumn, columnItems, placeInLanes, visibleHours } from "./calendar-layout";

// 20-minute blocks get two lines of text.
const PX_PER_MINUTE = 1.6;

type Props = {
  columns: CalendarColumn[];
  appointments: CalendarAppointment[];
  slots: CalendarSlot[];
  timeZone: string;
  doctorNames: Map<string, string>;
  onOpenAppointment: (appointment: CalendarAppointment) => void;
  /** Absent when the viewer cannot book. */
  onBookSlot?: (slot: CalendarSlot) => void;
};

/** A time grid in the clinic's clock: a column per doctor or per day, appointments and free slots as blocks. */
export function CalendarGrid(props: Props) {
  const { columns, timeZone } = props;
  const format = useClinicTimeFormat(timeZone);
  const perColumn = columns.map((column) => ({
    column,
    items: columnItems(column, props.appointments, props.slots, timeZone),
  }));
  const hours = visibleHours(perColumn.flatMap(({ items }) => items));
  const height = (hours.to - hours.from) * 60 * PX_PER_MINUTE;
  const at = (minute: number) => (minute - hours.from * 60) * PX_PER_MINUTE;
  // Wide enough for a long name and "outside hours"; only a week's seven days narrow on a desktop, to fit.
  const week = new Set(columns.map((column) => column.date)).size > 1;
  const hourLines = Array.from({ length: hours.to - hours.from }, (_, i) => hours.from + i);

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <div
        className={cn("grid min-w-fit [--column:12rem]", week && "lg:[--column:9rem]")}
        style={{ gridTemplateColumns: `4rem repeat(${columns.length}, minmax(var(--column), 1fr))` }}
      >
        <div className="sticky left-0 z-10 border-b border-slate-200 bg-white" />
        {columns.map((column) => (
          <div key={column.key} className="border-b border-l border-slate-200 px-2 py-2">
            <p className="flex items-center gap-2 text-sm font-semibold text-slate-900">
              {column.color ? (
                <span
                  aria-hidden="true"
                  className="inline-block size-3 rounded-full"
                  style={{ backgroundColor: column.color }}
                />
              ) : null}
              {column.title}
            </p>
          </div>
        ))}
        <div className="sticky left-0 z-10 bg-white" style={{ height }} aria-hidden="true">
          {hourLines.map((hour) => (
            <span
              key={hour}
              className="absolute right-2 -translate-y-1/2 whitespace-nowrap text-xs text-slate-500"
              style={{ top: at(hour * 60) || 8 }}
            >
              {hourLabel(hour, format.hour12)}
            </span>
          ))}
        </div>
        {perColumn.map(({ column, items }) => (
          <section
            key={column.key}
            aria-label={column.title}
            className="relative border-l border-slate-200"
            style={{ height, ...hourBackground() }}
          >
            {placeInLanes(items).map((entry) => {
              const style: CSSProperties = {
                top: at(entry.top),
                height: Math.max(entry.height * PX_PER_MINUTE - 2, 18),
                left: `calc(${(entry.lane / entry.lanes) * 100}% + 2px)`,
                width: `calc(${100 / entry.lanes}% - 4px)`,
              };
              if (entry.item.kind === "slot") {
                const { slot } = entry.item;
                return props.onBookSlot ? (
                  <SlotButton
                    key={`${slot.doctorId}-${slot.locationId}-${slot.startsAt.toISOString()}`}
                    slot={slot}
                    style={style}
                    format={format}
                    doctorName={props.doctorNames.get(slot.doctorId) ?? "the doctor"}
                    onBook={props.onBookSlot}
                  />
                ) : null;
              }
              const { appointment } = entry.item;
              return (
                <AppointmentBlock
                  key={appointment.id}
                  appointment={appointment}
                  style={style}
                  format={format}
                  onOpen={props.onOpenAppointment}
                />
              );
            })}
          </section>
        ))}
      </div>
    </div>
  );
}

function hourBackground(): CSSProperties {
  const hour = 60 * PX_PER_MINUTE;
  return {
    backgroundImage: "linear-gradient(to bottom, rgb(226 232 240) 1px, transparent 1px)",
    backgroundSize: `100% ${hour}px`,
  };
}

function AppointmentBlock({
  appointment,
  style,
  format,
  onOpen,
}: {
  appointment: CalendarAppointment;
  style: CSSProperties;
  format: ClinicTimeFormat;
  onOpen: (appointment: CalendarAppointment) => void;
}) {
  const closed = isClosedStatus(appointment.status);
  const start = format.time(appointment.startsAt);
  const time = format.span(appointment.startsAt, appointment.endsAt);
  const outside = appointment.outsideHours ? ", outside working hours" : "";
  const type = appointment.type ? `, ${appointment.type.name}` : "";
  const label = `${time} ${appointment.patient.name}, ${STATUS_LABEL[appointment.status]}${outside}${type}`;
  return (
    <button
      type="button"
      onClick={() => onOpen(appointment)}
      title={label}
      aria-label={label}
      className={cn(
        "absolute z-[1] flex flex-col overflow-hidden rounded-md border-l-4 px-1 py-px text-left text-[11px] leading-[13px] text-slate-900 shadow-sm",
        "hover:z-[2] hover:shadow-md focus-visible:z-[2] focus-visible:outline-2 focus-visible:outline-brand-600",
        closed && "opacity-60",
        appointment.outsideHours && "outline-1 outline-dashed outline-amber-600",
      )}
      style={{
        ...style,
        borderLeftColor: appointment.doctor.color,
        backgroundColor: `${appointment.doctor.color}26`,
      }}
    >
      <span className={cn("truncate font-medium", closed && "line-through")}>{appointment.patient.name}</span>
      <span className="truncate text-slate-700">
        <span className="tabular-nums">{start}</span>
        {/* Before the status, so a narrow day of the week cuts the status rather than this. */}
        {appointment.outsideHours ? <span className="font-medium text-amber-800"> outside hours</span> : null}
        {` · ${STATUS_LABEL[appointment.status]}`}
      </span>
      {appointment.type ? (
        <span className="flex items-center gap-1 truncate text-slate-700">
          <span
            aria-hidden
            className="inline-block size-2 shrink-0 rounded-full"
            style={{ backgroundColor: appointment.type.colour }}
          />
          <span className="truncate">{appointment.type.name}</span>
        </span>
      ) : null}
    </button>
  );
}

function SlotButton({
  slot,
  style,
  format,
  doctorName,
  onBook,
}: {
  slot: CalendarSlot;
  style: CSSProperties;
  format: ClinicTimeFormat;
  doctorName: string;
  onBook: (slot: CalendarSlot) => void;
}) {
  const time = format.time(slot.startsAt);
  return (
    <button
      type="button"
      onClick={() => onBook(slot)}
      aria-label={`Book ${doctorName} at ${time}`}
      className={cn(
        "absolute flex items-start overflow-hidden whitespace-nowrap rounded-md border border-dashed border-slate-300 px-1.5 py-px text-[11px] leading-[13px] text-slate-500",
        "hover:border-brand-600 hover:bg-brand-50 hover:text-brand-800 focus-visible:outline-2 focus-visible:outline-brand-600",
      )}
      style={style}
    >
      {time} free
    </button>
  );
}

/** The ruler's hours: "14:00", or "2 pm" on a 12-hour clock (short enough for the narrow ruler). */
export function hourLabel(hour: number, hour12: boolean): string {
  if (!hour12) return `${String(hour).padStart(2, "0")}:00`;
  return `${hour % 12 || 12} ${hour < 12 ? "am" : "pm"}`;
}

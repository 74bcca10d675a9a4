import { Button } from "../../ui/button";
import { Input, Label } from "../../ui/input";
import { Select } from "../../ui/select";

/** Location and business date, as a GET form: the choice lives in the URL. */
export function DayPicker(props: {
  locations: { id: string; name: string }[];
  locationId: string;
  date: string;
  today: string;
}) {
  return (
    <form method="get" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex flex-col gap-1">
        <Label htmlFor="day-location">Location</Label>
        <Select id="day-location" name="location" defaultValue={props.locationId}>
          {props.locations.map((location) => (
            <option key={location.id} value={location.id}>
              {location.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="day-date">Business day</Label>
        <Input id="day-date" name="date" type="date" max={props.today} defaultValue={props.date} />
      </div>
      <Button type="submit" variant="secondary">
        Show the day
      </Button>
    </form>
  );
}

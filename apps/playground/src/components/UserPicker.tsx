import users from "../demo-users.json";

export interface DemoUser {
  id: string;
  label: string;
  workspace: string;
}

export const demoUsers: DemoUser[] = users;

/** The app's own "sign-in": a demo user, each mapped to a workspace by the server. */
export function UserPicker({ userId, onChange }: { userId: string; onChange: (userId: string) => void }) {
  return (
    <div className="user-picker">
      <label htmlFor="demo-user">Signed in as</label>
      <select id="demo-user" data-testid="user-select" value={userId} onChange={(event) => onChange(event.target.value)}>
        {demoUsers.map((user) => (
          <option key={user.id} value={user.id}>
            {user.label} — workspace {user.workspace}
          </option>
        ))}
      </select>
    </div>
  );
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { uploadRosterImport } from "../../../../shared/api/roster.api.js";
import { uploadFile } from "../../../api/uploadFile.js";
import { rosterQueryKeys } from "../rosterQueryKeys.js";

export interface RosterUpload {
  file: File;
  /** The county imported into; the server takes the user's own county when it is left out. */
  countyCode: string | undefined;
}

// The contract takes names up to 200 characters: a longer one keeps its start and its extension.
function boundedName(name: string): string {
  return name.length <= 200 ? name : `${name.slice(0, 190)}${name.slice(name.lastIndexOf(".")).slice(0, 10)}`;
}

/** Uploads a roster, which starts its validation on the server; `percent` is how much has been sent. */
export function useUploadRoster() {
  const queryClient = useQueryClient();
  const [percent, setPercent] = useState(0);
  const mutation = useMutation({
    mutationFn: ({ file, countyCode }: RosterUpload) => {
      setPercent(0);
      return uploadFile(uploadRosterImport, {
        query: { fileName: boundedName(file.name), countyCode },
        file,
        onProgress: (sent, total) => setPercent(total > 0 ? Math.floor((sent / total) * 100) : 0),
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rosterQueryKeys.all }),
  });
  return { ...mutation, percent };
}

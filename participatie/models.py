# Models arrive with the vragen and participatie issues (models/ package once both land).

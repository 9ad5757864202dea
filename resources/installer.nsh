; Included by electron-builder's NSIS installer (electron-builder.yml: nsis.include).
; electron-builder registers `protocols` on macOS and Linux only, so the Windows installer
; registers social-desk:// itself, for this user (SHCTX is HKCU in a per-user install), and the
; uninstaller takes the registration away again. The app repeats the registration at run time
; (app.setAsDefaultProtocolClient) in case the install was moved.
; https://learn.microsoft.com/en-us/previous-versions/windows/internet-explorer/ie-developer/platform-apis/aa767914(v=vs.85)

!macro customInstall
  DeleteRegKey SHCTX "Software\Classes\social-desk"
  WriteRegStr SHCTX "Software\Classes\social-desk" "" "URL:Social Desk login"
  WriteRegStr SHCTX "Software\Classes\social-desk" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\social-desk\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\social-desk\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHCTX "Software\Classes\social-desk"
!macroend

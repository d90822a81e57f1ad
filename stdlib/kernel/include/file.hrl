%% The records of OTP 25's kernel/include/file.hrl, for
%% `-include_lib("kernel/include/file.hrl").': what `file:read_file_info/1,2'
%% returns and what a raw file handle is.

-record(file_info,
        {size   :: non_neg_integer() | 'undefined',  % bytes
         type   :: 'device' | 'directory' | 'other' | 'regular' | 'symlink'
                 | 'undefined',
         access :: 'read' | 'write' | 'read_write' | 'none' | 'undefined',
         atime  :: file:date_time() | non_neg_integer() | 'undefined',
         mtime  :: file:date_time() | non_neg_integer() | 'undefined',
         ctime  :: file:date_time() | non_neg_integer() | 'undefined',
         mode   :: non_neg_integer() | 'undefined',  % permission and type bits
         links  :: non_neg_integer() | 'undefined',  % hard links
         major_device :: non_neg_integer() | 'undefined',
         minor_device :: non_neg_integer() | 'undefined',
         inode  :: non_neg_integer() | 'undefined',
         uid    :: non_neg_integer() | 'undefined',
         gid    :: non_neg_integer() | 'undefined'}).

-record(file_descriptor,
        {module :: module(),  % the module that handles the descriptor
         data   :: term()}).  % its private data
